package dev.agora.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a port type by its wire name ("postgres-table"), as the API and the migration spell it. */
@Converter(autoApply = true)
public class PortTypeConverter implements AttributeConverter<PortType, String> {

    @Override
    public String convertToDatabaseColumn(PortType type) {
        return type == null ? null : type.wireName();
    }

    @Override
    public PortType convertToEntityAttribute(String wireName) {
        return wireName == null ? null : PortType.fromWireName(wireName);
    }
}
