package ai.steersynth.packs.importer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes the HTML entities found in scraped tweets: numeric ones and the five XML names. */
final class HtmlEntities {

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);");

    private static final Map<String, String> NAMED =
            Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'");

    private HtmlEntities() {}

    static String decode(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replacement(String name, String original) {
        if (name.charAt(0) != '#') {
            return NAMED.get(name);
        }
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        // Leave a reference to no valid character (or to a lone surrogate) as it was.
        if (!Character.isValidCodePoint(codePoint) || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return original;
        }
        return new String(Character.toChars(codePoint));
    }
}
