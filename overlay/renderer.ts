/** What WebGL is backed by, from WEBGL_debug_renderer_info (empty when unavailable). */
export function webglRendererName(): string {
  try {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2') ?? c.getContext('webgl');
    if (!gl) return '';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const name = ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return '';
  }
}

/** True for CPU rasterisers (SwiftShader, llvmpipe...). @example isSoftwareGL('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))') // true */
export function isSoftwareGL(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render driver/i.test(name);
}

/**
 * Canvas or WebGL. Measured on a 2-core machine without a GPU at 1080x1920: software WebGL (SwiftShader) spends
 * ~55 ns per covered pixel plus a full-canvas read-back every frame, so one full-screen translucent quad alone took
 * 100 ms a frame; Chromium's Canvas 2D (Skia) draws the same frame well inside 16 ms. With a real GPU, WebGL wins.
 */
export function chooseRenderer(pref: 'auto' | 'webgl' | 'canvas', glName: () => string = webglRendererName): 'webgl' | 'canvas' {
  if (pref !== 'auto') return pref;
  const name = glName();
  return name === '' || isSoftwareGL(name) ? 'canvas' : 'webgl';
}
