# Build stage: compile and package the fat jar with Maven.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY webroot ./webroot
RUN mvn -B -q -DskipTests package

# Run stage: a JRE, the jar and the default topology.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/tierbus.jar /app/tierbus.jar
COPY verticles.yaml /app/verticles.yaml
COPY examples /app/examples
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tierbus.jar"]
CMD ["run", "--topology", "/app/verticles.yaml"]
