package thidua.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords are hashed, for the command line and `serve` alike. */
@Configuration(proxyBeanMethods = false)
class Passwords {

    /** BCrypt by default; the {id} prefix lets a later encoder take over without resetting anyone's password. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
