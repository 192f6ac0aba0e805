// The Content-Security-Policy for the renderer, in Electron and in browser mode alike.
// Styles allow 'unsafe-inline' because the dialog library injects scroll-lock <style> tags;
// scripts, connections and everything else stay on our own origin.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
