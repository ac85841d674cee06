import type Phaser from 'phaser';

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
  return noGpuGL(glName()) ? 'canvas' : 'webgl';
}

/** True when WebGL has no GPU behind it: missing (empty name) or a CPU rasteriser. */
export function noGpuGL(name: string): boolean {
  return name === '' || isSoftwareGL(name);
}

/**
 * Swaps the quad shader's tint step for a multiply-only one. Phaser's own step un-premultiplies each texel (a divide)
 * and picks one of eight tint modes with a chain of branches; a software rasteriser (SwiftShader) pays for all of that
 * on every pixel. Measured here at 1080x1920: one still picture over 50% of the canvas drops about a quarter of the
 * frames with Phaser's step and none with this one (bench/results.md). The overlay only ever uses the default multiply tint, which this computes
 * exactly (premultiplied colour times tint, times tint alpha). Call before the first frame is drawn: programs are
 * cached by the additions' names, so the new name makes the new program.
 */
export function useMultiplyTint(game: Phaser.Game): boolean {
  const r = game.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer> | null;
  const node = r?.renderNodes?.getNode('BatchHandlerQuad') as { programManager?: Phaser.Renderer.WebGL.ProgramManager } | undefined;
  const pm = node?.programManager;
  if (!pm?.getAddition('Tint')) return false;
  pm.replaceAddition('Tint', {
    name: 'TintMultiply',
    additions: { fragmentProcess: 'fragColor = vec4(fragColor.rgb * outTint.bgr, fragColor.a) * outTint.a;' },
    tags: ['TINT'],
  });
  return true;
}
