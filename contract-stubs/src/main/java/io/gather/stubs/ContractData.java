package io.gather.stubs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * The contract's response bodies, derived from the user id alone: the same user always gets the same
 * data, on every machine. Bodies carry a few fields the contract does not list (clients must ignore
 * them) so that their sizes are realistic. All text is ASCII without quotes, so no escaping is needed.
 */
public final class ContractData {
    /** Users whose id starts with this do not exist: every service answers 404 for them. */
    public static final String UNKNOWN_USER_PREFIX = "unknown";
    /** "Now" for the generated timestamps, fixed so that bodies are reproducible. */
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken",
        "Margaret", "Niklaus", "Radia", "Tim", "Hedy", "Claude", "Katherine", "John"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
        "Thompson", "Hamilton", "Wirth", "Perlman", "Berners-Lee", "Lamarr", "Shannon", "Johnson", "Backus"};
    private static final String[] TIERS = {"bronze", "silver", "gold", "platinum"};
    private static final String[] LOCALES = {"en-GB", "en-US", "de-DE", "fr-FR", "nl-NL", "es-ES"};
    private static final String[] STATUSES = {"PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"};
    private static final String[] KINDS = {"ORDER_UPDATE", "PROMOTION", "SECURITY", "MESSAGE"};
    private static final String[] TITLES = {"Your order has shipped", "Price drop on an item you watch",
        "New sign-in from a new device", "You have a new message", "Your order was delivered"};
    private static final String[] PRODUCTS = {"Noise-cancelling headphones", "Mechanical keyboard", "4K monitor",
        "Espresso machine", "Trail running shoes", "Standing desk", "E-reader", "Smart watch", "Backpack 30L",
        "Cast iron pan"};

    private ContractData() {
    }

    public static boolean exists(String userId) {
        return !userId.startsWith(UNKNOWN_USER_PREFIX);
    }

    private static SplittableRandom random(String userId, String salt) {
        return new SplittableRandom((userId + '/' + salt).hashCode() * 0x9E3779B97F4A7C15L);
    }

    public static String profile(String userId) {
        SplittableRandom r = random(userId, "profile");
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        LocalDate since = LocalDate.of(2012, 1, 1).plusDays(r.nextInt(5000));
        return "{\"id\":\"" + userId + "\",\"displayName\":\"" + first + " " + last + "\","
            + "\"email\":\"" + first.toLowerCase() + "." + userId.toLowerCase() + "@example.com\","
            + "\"avatarUrl\":\"https://cdn.example.com/a/" + userId + ".png\","
            + "\"tier\":\"" + TIERS[r.nextInt(TIERS.length)] + "\","
            + "\"locale\":\"" + LOCALES[r.nextInt(LOCALES.length)] + "\","
            + "\"memberSince\":\"" + since + "\","
            + "\"marketingOptIn\":" + r.nextBoolean() + ","
            + "\"lastLoginAt\":\"" + NOW.minus(r.nextInt(72 * 60), ChronoUnit.MINUTES) + "\","
            + "\"address\":{\"city\":\"Amsterdam\",\"country\":\"NL\",\"postcode\":\"10" + (10 + r.nextInt(89)) + " AB\"},"
            + "\"_links\":{\"self\":{\"href\":\"/users/" + userId + "\"},\"orders\":{\"href\":\"/users/" + userId
            + "/orders\"}}}";
    }

    public static String orders(String userId, int limit) {
        SplittableRandom r = random(userId, "orders");
        int totalCount = r.nextInt(81);
        int n = Math.min(limit, totalCount);
        StringBuilder b = new StringBuilder(256 + n * 220).append("{\"items\":[");
        Instant placed = NOW.minus(r.nextInt(48), ChronoUnit.HOURS);
        for (int i = 0; i < n; i++) {
            int items = 1 + r.nextInt(6);
            BigDecimal total = BigDecimal.valueOf(500 + r.nextInt(50_000), 2);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"id\":\"o-").append(9000 + totalCount - i).append("\",")
                .append("\"placedAt\":\"").append(placed).append("\",")
                .append("\"status\":\"").append(STATUSES[r.nextInt(STATUSES.length)]).append("\",")
                .append("\"total\":{\"amount\":\"").append(total.toPlainString()).append("\",\"currency\":\"EUR\"},")
                .append("\"itemCount\":").append(items).append(',')
                .append("\"channel\":\"web\",\"shippingMethod\":\"standard\",")
                .append("\"_links\":{\"self\":{\"href\":\"/orders/o-").append(9000 + totalCount - i).append("\"}}}");
            placed = placed.minus(1 + r.nextInt(24 * 20), ChronoUnit.HOURS);
        }
        return b.append("],\"totalCount\":").append(totalCount).append('}').toString();
    }

    public static String notifications(String userId, boolean unreadOnly, int limit) {
        SplittableRandom r = random(userId, "notifications");
        int unreadCount = r.nextInt(16);
        int available = unreadOnly ? unreadCount : unreadCount + 5;
        int n = Math.min(limit, available);
        StringBuilder b = new StringBuilder(64 + n * 180).append("{\"unreadCount\":").append(unreadCount).append(",\"items\":[");
        Instant created = NOW.minus(r.nextInt(120), ChronoUnit.MINUTES);
        for (int i = 0; i < n; i++) {
            int id = 70 + unreadCount * 3 - i;
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"id\":\"n-").append(id).append("\",")
                .append("\"kind\":\"").append(KINDS[r.nextInt(KINDS.length)]).append("\",")
                .append("\"title\":\"").append(TITLES[r.nextInt(TITLES.length)]).append("\",")
                .append("\"createdAt\":\"").append(created).append("\",")
                .append("\"link\":\"/orders/o-").append(9000 + r.nextInt(100)).append("\",")
                .append("\"read\":").append(i >= unreadCount).append(",\"priority\":\"normal\"}");
            created = created.minus(1 + r.nextInt(600), ChronoUnit.MINUTES);
        }
        return b.append("]}").toString();
    }

    public static String recommendations(String userId, int limit) {
        SplittableRandom r = random(userId, "recommendations");
        int n = Math.min(limit, 8 + r.nextInt(8));
        StringBuilder b = new StringBuilder(64 + n * 200).append("{\"items\":[");
        double score = 0.99 - r.nextInt(5) / 100.0;
        for (int i = 0; i < n; i++) {
            int sku = 100 + r.nextInt(900);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"sku\":\"sku-").append(sku).append("\",")
                .append("\"title\":\"").append(PRODUCTS[r.nextInt(PRODUCTS.length)]).append("\",")
                .append("\"score\":").append(String.format(java.util.Locale.ROOT, "%.2f", score)).append(',')
                .append("\"imageUrl\":\"https://cdn.example.com/p/sku-").append(sku).append(".jpg\",")
                .append("\"price\":{\"amount\":\"").append(BigDecimal.valueOf(999 + r.nextInt(60_000), 2).toPlainString())
                .append("\",\"currency\":\"EUR\"},\"reason\":\"similar-to-purchase\"}");
            score -= 0.01 + r.nextInt(8) / 100.0;
            score = Math.max(score, 0.01);
        }
        return b.append("],\"model\":\"reco-v7\"}").toString();
    }
}
