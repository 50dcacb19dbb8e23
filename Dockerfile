# Build stage: compile and package the fat jar with Maven.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY webroot ./webroot
RUN mvn -B -q -DskipTests package

# Run stage: a JRE, the jar and the default topology. Not root: the embedded journal server
# runs as this user. Its data (the reliable tier's journal, recorder files) lives in the
# /app/data volume, so a restarted container delivers what it had not; set PGHOST (PGPORT,
# PGDATABASE, PGUSER, PGPASSWORD) to journal in an external PostgreSQL instead. The working
# directory belongs to the same user, so whatever a topology writes relative to it (backtest
# reports, logs) can be written; a path it may not write is reported as "permission denied".
FROM eclipse-temurin:17-jre
RUN useradd --create-home --uid 10001 tierbus && mkdir -p /app/data && chown -R tierbus:tierbus /app
WORKDIR /app
COPY --from=build --chown=tierbus:tierbus /src/target/tierbus.jar /app/tierbus.jar
COPY --chown=tierbus:tierbus verticles.yaml /app/verticles.yaml
COPY --chown=tierbus:tierbus examples /app/examples
USER tierbus
VOLUME /app/data
EXPOSE 8080
# /health answers 200 when the node is ready (journal reachable, no failed container, queues and
# error rate within their thresholds); bash's /dev/tcp needs no HTTP client in the image
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/app/tierbus.jar"]
CMD ["run", "--topology", "/app/verticles.yaml"]
