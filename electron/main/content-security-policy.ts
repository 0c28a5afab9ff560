/**
 * The headers every response of the app protocol carries. The policy allows the app's own
 * scripts, styles, fonts, images and workers and nothing else: no inline or eval'd script, no
 * remote origin, no plugin, no framing, no form posts. The engine is reached over a MessagePort,
 * not the network, so `connect-src` allows only the app's own files.
 */

/** The renderer's Content-Security-Policy, one directive per entry. */
export const rendererCspDirectives: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  // Monaco and React set styles at run time (style elements and attributes); styles cannot run code
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
];

/** The renderer's Content-Security-Policy header value. */
export const rendererCsp = rendererCspDirectives.join("; ");

/** Headers set on every app-protocol response, success or error. */
export const securityHeaders: Readonly<Record<string, string>> = {
  "Content-Security-Policy": rendererCsp,
  "X-Content-Type-Options": "nosniff",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()",
};
