package dev.agora.platform.web;

import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code ?page=0&size=50} of a list endpoint: no answer is longer than {@link #MAX_SIZE} items, and the
 * {@value #TOTAL_HEADER} header says how many there are in all.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 200;
    /** Far beyond any list Agora holds, low enough that page × size never overflows. */
    public static final int MAX_PAGE = 1_000_000;
    public static final String TOTAL_HEADER = "X-Total-Count";

    public static Paging of(String page, String size) {
        return new Paging(QueryParameters.integer("page", page, 0, 0, MAX_PAGE),
                QueryParameters.integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> List<T> slice(List<T> all) {
        if (offset() >= all.size()) {
            return List.of();
        }
        int from = (int) offset();
        return List.copyOf(all.subList(from, Math.min(all.size(), from + size)));
    }

    /** The page of the whole list, with the total count in a header. */
    public <T> RestResponse<List<T>> answer(List<T> all) {
        return RestResponse.ResponseBuilder.ok(slice(all)).header(TOTAL_HEADER, all.size()).build();
    }
}
