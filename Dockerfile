# syntax=docker/dockerfile:1
# PrivateLink Portal: build with the .NET SDK, run on the ASP.NET runtime as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the files that decide the package graph, so the layer is cached across code changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Portal.Web/Portal.Web.csproj src/Portal.Web/
RUN dotnet restore src/Portal.Web/Portal.Web.csproj
COPY appsettings.json ./
COPY wwwroot-assets/ wwwroot-assets/
# src/Portal.Web/wwwroot is a symbolic link to ../../wwwroot-assets, resolved inside this stage.
COPY src/ src/
RUN dotnet publish src/Portal.Web/Portal.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only serves the container health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The SQLite database (and the data protection keys, kept in it by default) live on a volume owned by the app user.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME ["/data"]
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Portal="Data Source=/data/portal.db"
EXPOSE 8080
USER $APP_UID
# Liveness, not /readyz: Docker (and Swarm, which restarts unhealthy tasks) should act only when the process stops
# answering. A locked database or an incomplete AWS region is not cured by a restart; /readyz reports those to a load balancer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl --fail --silent http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Portal.Web.dll"]
