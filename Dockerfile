# Build and run Ketenaanpak.Graph (server mode). Used by docker-compose.yml; not built in this project's CI, which has
# no Docker engine (the compose file is validated with `docker-compose config -q`).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Ketenaanpak.Graph.Web/Ketenaanpak.Graph.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "Ketenaanpak.Graph.Web.dll"]
