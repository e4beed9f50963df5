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

  it('runs several processes only on a PostgreSQL server', () => {
    expect(loadConfig({ PROCESSES: '2', DATABASE_URL: 'postgres://localhost/peercities' }).processes).toBe(2);
    expect(loadConfig({}).processes).toBe(1);
    expect(() => loadConfig({ PROCESSES: '2' })).toThrow(/PROCESSES: more than one process needs a PostgreSQL server/);
    expect(() => loadConfig({ PROCESSES: '0', DATABASE_URL: 'postgres://localhost/peercities' })).toThrow(/PROCESSES/);
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

  it('trusts proxies by hop count or by address, never every hop', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1,loopback' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16', '::1', 'loopback']);
    for (const everything of ['true', 'yes', 'TRUE']) {
      expect(() => loadConfig({ TRUST_PROXY: everything })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: everything })).toThrow(/TRUST_PROXY: .*every hop.*number of proxies.*addresses/s);
    }
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.300' })).toThrow(/TRUST_PROXY: .*10\.0\.0\.300/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '-1' })).toThrow(/TRUST_PROXY/);
  });

  it('takes a metrics token of at least 16 characters', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: 'a-long-enough-metrics-token' }).metricsToken).toBe('a-long-enough-metrics-token');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
