package dev.agora.access.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.UUID;

/** The one public way into the access views. */
public final class AccessNavigation {

    private AccessNavigation() {
    }

    public static String requestPath(UUID id) {
        return "requests/" + id;
    }

    public static RouterLink linkToRequest(String text, UUID id) {
        return new RouterLink(text, RequestPage.class, new RouteParameters(RequestPage.ID, id.toString()));
    }

    public static void toRequest(UUID id) {
        UI.getCurrent().navigate(RequestPage.class, new RouteParameters(RequestPage.ID, id.toString()));
    }

    public static void toMyRequests() {
        UI.getCurrent().navigate(MyRequestsView.class);
    }
}
