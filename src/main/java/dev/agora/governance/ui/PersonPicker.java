package dev.agora.governance.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.agora.identity.Organisation;

/**
 * A person picker: a combo box that asks the server for the accounts matching what is typed, a page at a time,
 * instead of holding a list of everyone.
 */
class PersonPicker extends ComboBox<Organisation.Person> {

    PersonPicker(String label, Organisation organisation, String actor) {
        super(label);
        setItems(query -> organisation.findPeople(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit(), actor).stream());
        setItemLabelGenerator(Organisation.Person::label);
        setPlaceholder("Type a name or username");
        setClearButtonVisible(true);
        setMinWidth("18em");
    }
}
