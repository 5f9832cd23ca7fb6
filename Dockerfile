# The Gatewire image used by docs/deploy: build the jar first (mvn -B -DskipTests package).
FROM eclipse-temurin:17-jre
COPY bootstrap/target/gatewire.jar /opt/gatewire/gatewire.jar
USER 65532:65532
EXPOSE 18000 19000
ENTRYPOINT ["java", "-jar", "/opt/gatewire/gatewire.jar"]
CMD ["serve", "--source=kubernetes"]
