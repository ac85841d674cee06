import { describe, expect, it } from 'vitest';
import { chooseRenderer, isSoftwareGL } from './renderer.ts';

describe('chooseRenderer', () => {
  it('uses Canvas when WebGL is software-rendered or missing, WebGL on a GPU', () => {
    expect(isSoftwareGL('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(chooseRenderer('auto', () => 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))')).toBe('canvas');
    expect(chooseRenderer('auto', () => 'llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('canvas');
    expect(chooseRenderer('auto', () => '')).toBe('canvas');
    expect(chooseRenderer('auto', () => 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe('webgl');
  });
  it('obeys an explicit choice', () => {
    expect(chooseRenderer('webgl', () => 'SwiftShader')).toBe('webgl');
    expect(chooseRenderer('canvas', () => 'NVIDIA')).toBe('canvas');
  });
});
