import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('runs with no variables at all: port 3000, embedded database in ./data, demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: expect.stringMatching(/\/data$/) });
    expect(config.seedDemo).toBe(true);
    expect(config.smtpUrl).toBeNull();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.sessionCache).toBe(true);
  });

  it('turns the session cache off with SESSION_CACHE=false', () => {
    expect(loadConfig({ SESSION_CACHE: 'false' }).sessionCache).toBe(false);
    expect(() => loadConfig({ SESSION_CACHE: 'sometimes' })).toThrow(/SESSION_CACHE/);
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/peercities', DATABASE_POOL_SIZE: '20' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/peercities', poolSize: 20 });
  });

  it('stops with a message naming each wrong variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect(String(err)).toMatch(/PORT:/);
      expect(String(err)).toMatch(/DATABASE_URL: must be a postgres/);
    }
  });

  it('derives links from PUBLIC_URL without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://peercities.example.eu/' }).publicUrl).toBe('https://peercities.example.eu');
  });
});
