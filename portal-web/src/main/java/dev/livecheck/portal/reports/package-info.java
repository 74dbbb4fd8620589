/**
 * Reports on verification sessions: the dashboard with its pass-rate chart, the session report with every attempt's
 * images and sub-checks, the business's final decision, the CSV export and session deletion. Every query is scoped by
 * the signed-in user's business; another business's ids are answered with 404 as if they did not exist.
 */
package dev.livecheck.portal.reports;
