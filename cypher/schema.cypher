// Ketenaanpak.Graph — Neo4j schema for the same graph model as the PostgreSQL/SQLite store (Neo4j 5 syntax).
// Kept in step with src/Ketenaanpak.Graph.Domain/Graph (NodeKind, RelationType); a test fails when they drift.
// The product does not run Neo4j (see docs/decisions/ADR-001); exports load into a database prepared with this file.
//
// Every node and relationship carries its provenance as properties:
//   prov_partner, prov_signal, prov_reference, prov_observed_at, prov_recorded_at, prov_source_reliability,
//   prov_information_validity, prov_legal_basis, prov_handling_code, prov_retain_until
// Attribute statements (several partners saying different things about one property) are exported as
// (:Statement {property, value, prov_*})-[:ABOUT]->(entity), besides the entity's caption and exact key.

// ---- entity nodes: one uniqueness constraint on id, one index on the exact key used for linking ----
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT address_id IF NOT EXISTS FOR (n:Address) REQUIRE n.id IS UNIQUE;
CREATE INDEX address_exact_key IF NOT EXISTS FOR (n:Address) ON (n.exactKey);
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE INDEX company_kvk_number IF NOT EXISTS FOR (n:Company) ON (n.kvkNumber);
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE INDEX document_exact_key IF NOT EXISTS FOR (n:Document) ON (n.exactKey);
CREATE CONSTRAINT bank_account_id IF NOT EXISTS FOR (n:BankAccount) REQUIRE n.id IS UNIQUE;
CREATE INDEX bank_account_iban IF NOT EXISTS FOR (n:BankAccount) ON (n.iban);
CREATE CONSTRAINT phone_id IF NOT EXISTS FOR (n:Phone) REQUIRE n.id IS UNIQUE;
CREATE INDEX phone_number IF NOT EXISTS FOR (n:Phone) ON (n.number);
CREATE CONSTRAINT vehicle_id IF NOT EXISTS FOR (n:Vehicle) REQUIRE n.id IS UNIQUE;
CREATE INDEX vehicle_licence_plate IF NOT EXISTS FOR (n:Vehicle) ON (n.licencePlate);
CREATE CONSTRAINT online_ad_id IF NOT EXISTS FOR (n:OnlineAd) REQUIRE n.id IS UNIQUE;
CREATE INDEX online_ad_url IF NOT EXISTS FOR (n:OnlineAd) ON (n.url);
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE INDEX person_last_name IF NOT EXISTS FOR (n:Person) ON (n.lastName);
CREATE INDEX person_birth_date IF NOT EXISTS FOR (n:Person) ON (n.birthDate);
CREATE FULLTEXT INDEX entity_caption IF NOT EXISTS FOR (n:Person|Address|Company|Document|BankAccount|Phone|Vehicle|OnlineAd) ON EACH [n.caption];

// ---- chain-process nodes ----
CREATE CONSTRAINT signal_id IF NOT EXISTS FOR (n:Signal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT signal_number IF NOT EXISTS FOR (n:Signal) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT dossier_id IF NOT EXISTS FOR (n:Dossier) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dossier_number IF NOT EXISTS FOR (n:Dossier) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT partner_id IF NOT EXISTS FOR (n:Partner) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT partner_code IF NOT EXISTS FOR (n:Partner) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT intervention_id IF NOT EXISTS FOR (n:Intervention) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_meeting_id IF NOT EXISTS FOR (n:CaseMeeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE INDEX statement_property IF NOT EXISTS FOR (n:Statement) ON (n.property);

// ---- relationships between entities: dated (validFrom/validTo), weighted, with provenance ----
CREATE CONSTRAINT rel_registered_at_id IF NOT EXISTS FOR ()-[r:REGISTERED_AT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_stays_at_id IF NOT EXISTS FOR ()-[r:STAYS_AT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_works_at_id IF NOT EXISTS FOR ()-[r:WORKS_AT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_employed_by_id IF NOT EXISTS FOR ()-[r:EMPLOYED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_placed_by_agency_id IF NOT EXISTS FOR ()-[r:PLACED_BY_AGENCY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_director_of_id IF NOT EXISTS FOR ()-[r:DIRECTOR_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_owner_of_id IF NOT EXISTS FOR ()-[r:OWNER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_lets_to_id IF NOT EXISTS FOR ()-[r:LETS_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_holds_document_id IF NOT EXISTS FOR ()-[r:HOLDS_DOCUMENT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_holds_others_document_id IF NOT EXISTS FOR ()-[r:HOLDS_OTHERS_DOCUMENT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_accompanies_id IF NOT EXISTS FOR ()-[r:ACCOMPANIES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_recruited_id IF NOT EXISTS FOR ()-[r:RECRUITED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_transported_id IF NOT EXISTS FOR ()-[r:TRANSPORTED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_exploits_id IF NOT EXISTS FOR ()-[r:EXPLOITS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_controls_id IF NOT EXISTS FOR ()-[r:CONTROLS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_associate_id IF NOT EXISTS FOR ()-[r:ASSOCIATE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_family_id IF NOT EXISTS FOR ()-[r:FAMILY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_uses_phone_id IF NOT EXISTS FOR ()-[r:USES_PHONE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_uses_account_id IF NOT EXISTS FOR ()-[r:USES_ACCOUNT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_uses_vehicle_id IF NOT EXISTS FOR ()-[r:USES_VEHICLE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_pays_to_id IF NOT EXISTS FOR ()-[r:PAYS_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_advertises_via_id IF NOT EXISTS FOR ()-[r:ADVERTISES_VIA]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_linked_to_id IF NOT EXISTS FOR ()-[r:LINKED_TO]-() REQUIRE r.id IS UNIQUE;
CREATE INDEX rel_registered_at_valid_from IF NOT EXISTS FOR ()-[r:REGISTERED_AT]-() ON (r.validFrom);
CREATE INDEX rel_stays_at_valid_from IF NOT EXISTS FOR ()-[r:STAYS_AT]-() ON (r.validFrom);

// ---- process relationships (no own id; identified by their endpoints) ----
//   (:Signal)-[:MENTIONS {role}]->(entity)
//   (:Signal)-[:REPORTED_BY]->(:Partner)
//   (:Dossier)-[:CONTAINS {role, perpetratorRole, awareness, prov_*}]->(entity)
//   (:Dossier)-[:CONTAINS_SIGNAL]->(:Signal)
//   (:Intervention)-[:TARGETS]->(entity)
//   (:Intervention)-[:ASSIGNED_TO]->(:Partner)
//   (:Intervention)-[:FOR_DOSSIER]->(:Dossier)
CREATE INDEX rel_contains_role IF NOT EXISTS FOR ()-[r:CONTAINS]-() ON (r.role);
