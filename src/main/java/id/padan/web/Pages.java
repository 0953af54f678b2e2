package id.padan.web;

import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The review page's templates (Thymeleaf, every value escaped), rendered in Bahasa Indonesia. */
final class Pages {
    private final TemplateEngine engine;

    Pages() {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        r.setPrefix("id/padan/web/");
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding("UTF-8");
        r.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(r);
    }

    String render(String template, Map<String, Object> model) {
        Context ctx = new Context(java.util.Locale.forLanguageTag("id"));
        ctx.setVariables(model);
        return engine.process(template, ctx);
    }
}
