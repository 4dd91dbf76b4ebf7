// electron-builder.yml is valid against electron-builder's own schema and names the targets we ship.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/core';

describe('electron-builder.yml', () => {
  const config = parse(fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8'));

  it('validates against app-builder-lib/scheme.json', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('builds Windows NSIS x64 and Linux deb + AppImage for x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.productName).toBe('应急预案与演练工作台');
    expect(fs.existsSync(path.join(REPO, config.win.icon))).toBe(true);
  });

  it('ships the files the main process loads', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main/main.cjs');
    expect(config.files).toContain('dist/main/**');
    expect(config.files).toContain('dist/preload/**');
  });
});
