/** The headers every response of the browser host carries: a strict CSP and the usual hardening. */

/**
 * The Content-Security-Policy of the studio's page: its own scripts only (no inline script, no
 * eval, no remote origin), a WebSocket to its own origin, workers from its own files. Styles
 * allow 'unsafe-inline' because Monaco injects <style> elements at run time and has no nonce
 * support (monaco-editor's domStylesheets.createStyleSheet); scripts never do.
 */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Every response's security headers. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(port),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
}
