package dev.agora.catalog.search;

/**
 * How far the index has followed the catalog: the installation (database) it was built from, and the oldest
 * transaction that may not have been seen yet ({@code pg_snapshot_xmin} of the last read; ADR 0005).
 */
public record Checkpoint(String installation, long xmin) {}
