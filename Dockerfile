# syntax=docker/dockerfile:1

# ---- build: restore and publish with the .NET SDK ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project and build files only, so the layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/EditorialArchive.Web/EditorialArchive.Web.csproj src/EditorialArchive.Web/
# Published for the image's architecture, ReadyToRun-compiled (the project turns that on for a runtime publish).
ARG TARGETARCH
RUN case "$TARGETARCH" in arm64) echo linux-arm64 ;; *) echo linux-x64 ;; esac > /tmp/rid \
    && dotnet restore src/EditorialArchive.Web/EditorialArchive.Web.csproj --runtime "$(cat /tmp/rid)"

COPY src/ src/
COPY seeds/ seeds/
COPY wwwroot-assets/ wwwroot-assets/
RUN dotnet publish src/EditorialArchive.Web/EditorialArchive.Web.csproj \
        --configuration Release --runtime "$(cat /tmp/rid)" --self-contained false \
        --no-restore --output /app /p:UseAppHost=false

# ---- runtime: ASP.NET Core only, non-root, database on a volume ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# curl for the HEALTHCHECK (the aspnet image has neither curl nor wget).
RUN apt-get update \
    && apt-get install --yes --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

# The image's built-in unprivileged user (APP_UID, 1654) owns the data folder.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data

WORKDIR /app
COPY --from=build /app ./

ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Archive="Data Source=/data/archive.db" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1

USER $APP_UID
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl --fail --silent --show-error http://127.0.0.1:8080/healthz || exit 1

ENTRYPOINT ["dotnet", "EditorialArchive.Web.dll"]
