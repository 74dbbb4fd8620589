package dev.livecheck.portal.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Names a portal process for the outboxes' claims ({@code claimed_by}, at most 64 characters): the host name plus a
 * random suffix, unique per process even when two nodes share a host.
 */
public final class NodeIds {

    private NodeIds() {
    }

    public static String newNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 64 ? id.substring(id.length() - 64) : id;
    }
}
