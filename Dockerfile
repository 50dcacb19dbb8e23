# Build stage: compile and package the fat jar with Maven.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY webroot ./webroot
RUN mvn -B -q -DskipTests package

# Run stage: a JRE, the jar and the default topology. Not root: the embedded journal server
# runs as this user. Its data (the reliable tier's journal) lives in the /app/data volume, so a
# restarted container delivers what it had not; set PGHOST (PGPORT, PGDATABASE, PGUSER,
# PGPASSWORD) to journal in an external PostgreSQL instead.
FROM eclipse-temurin:17-jre
RUN useradd --create-home --uid 10001 tierbus && mkdir -p /app/data && chown tierbus /app/data
WORKDIR /app
COPY --from=build /src/target/tierbus.jar /app/tierbus.jar
COPY verticles.yaml /app/verticles.yaml
COPY examples /app/examples
USER tierbus
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tierbus.jar"]
CMD ["run", "--topology", "/app/verticles.yaml"]
