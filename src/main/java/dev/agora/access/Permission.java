package dev.agora.access;

/** What the access allows. READ today; the model leaves room for more (WRITE, DESCRIBE …). */
public enum Permission {
    READ
}
