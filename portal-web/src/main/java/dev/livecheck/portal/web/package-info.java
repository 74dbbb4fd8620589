/** Shared web pieces: the layout, the home page and advice common to every controller. */
package dev.livecheck.portal.web;
