package io.gather.startup;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting checked before anything uses one, and every problem told at once. Each settings class checks its
 * own keys when it is built and stops startup with its own list; built one after another, the first list stopped
 * startup and hid the rest. This bean, built first, builds each of Gather's settings and startup checks, keeps
 * going past a failure, and stops startup with one message listing every problem, each naming its key. It also
 * checks the keys as written ({@link SettingsKeys}): a misspelt key or a boolean that is not one is a problem too.
 * A failure that is not about configuration is left to Micronaut's startup, which meets it again.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
final class SettingsCheck {
    private static final String GATHER = "io.gather.";

    SettingsCheck(BeanContext context, Environment environment) {
        Set<String> problems = new LinkedHashSet<>(SettingsKeys.problems(context, environment));
        for (BeanDefinition<?> definition : checked(context)) {
            try {
                context.getBean(definition);
            } catch (RuntimeException e) {
                problems.addAll(SettingsProblems.of(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(SettingsProblems.message(new ArrayList<>(problems)));
        }
    }

    /** Gather's settings ({@code @ConfigurationProperties}) and its {@code @Context} beans, which check settings. */
    private static Collection<BeanDefinition<?>> checked(BeanContext context) {
        Map<Class<?>, BeanDefinition<?>> checked = new LinkedHashMap<>();
        List<BeanDefinition<?>> candidates = new ArrayList<>(context.getBeanDefinitions(Qualifiers.byStereotype(ConfigurationReader.class)));
        candidates.addAll(context.getBeanDefinitions(Qualifiers.byStereotype(Context.class)));
        for (BeanDefinition<?> d : candidates) {
            Class<?> type = d.getBeanType();
            // one bean per name: the section and client blocks are checked by the beans that take their list
            boolean perName = d.hasStereotype(EachProperty.class) || d.hasStereotype(EachBean.class);
            if (type.getName().startsWith(GATHER) && type != SettingsCheck.class && !perName) {
                checked.putIfAbsent(type, d);
            }
        }
        return checked.values();
    }
}
