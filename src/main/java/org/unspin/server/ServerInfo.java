package org.unspin.server;

/** What the server says about itself in every check answer. */
record ServerInfo(String version, String buildDate) {
}
