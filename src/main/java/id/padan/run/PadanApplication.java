package id.padan.run;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application behind every command that needs the database. */
@SpringBootApplication(scanBasePackages = "id.padan")
public class PadanApplication {}
