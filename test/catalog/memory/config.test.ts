import { memoryConnectorFactory, parseDataSize } from '../../../src/catalog/connectors/memory';
import { expectError, newConnector } from './helpers';

describe('memory connector configuration', () => {
  test('the factory is named memory', () => {
    expect(memoryConnectorFactory.name).toBe('memory');
  });

  test('data sizes parse as airlift DataSize does (binary multiples)', () => {
    expect(parseDataSize('128MB')).toBe(128 * 1024 * 1024);
    expect(parseDataSize('1GB')).toBe(1024 ** 3);
    expect(parseDataSize('512MB')).toBe(512 * 1024 ** 2);
    expect(parseDataSize('1.5kB')).toBe(1536);
    expect(parseDataSize('10B')).toBe(10);
    expect(parseDataSize(' 2 TB ')).toBe(2 * 1024 ** 4);
    expect(parseDataSize('1PB')).toBe(1024 ** 5);
  });

  test('bad data sizes fail with airlift messages', () => {
    expect(() => parseDataSize('1gb')).toThrow('Unknown unit: gb');
    expect(() => parseDataSize('1KB')).toThrow('Unknown unit: KB');
    expect(() => parseDataSize('MB')).toThrow('size is not a valid data size string: MB');
    expect(() => parseDataSize('-1MB')).toThrow('size is not a valid data size string: -1MB');
    expect(() => parseDataSize('')).toThrow('size is empty');
  });

  test('max-data-per-node defaults to 128MB and is configurable', () => {
    expect(newConnector().store.maxBytes).toBe(128 * 1024 * 1024);
    expect(newConnector({ 'memory.max-data-per-node': '1GB' }).store.maxBytes).toBe(1024 ** 3);
  });

  test('invalid or unknown properties fail with CONFIGURATION_INVALID', async () => {
    await expectError(
      () => newConnector({ 'memory.max-data-per-node': 'lots' }),
      'CONFIGURATION_INVALID',
      'Invalid configuration property memory.max-data-per-node: size is not a valid data size string: lots',
    );
    await expectError(() => newConnector({ 'memory.splits-per-node': '0' }), 'CONFIGURATION_INVALID');
    await expectError(
      () => newConnector({ 'memory.enable-lazy-dynamic-filtering': 'yes' }),
      'CONFIGURATION_INVALID',
    );
    await expectError(
      () => newConnector({ 'memory.max-data-per-nod': '1GB' }),
      'CONFIGURATION_INVALID',
      "Configuration property 'memory.max-data-per-nod' was not used",
    );
  });

  test('Trino keys are accepted, and connector.name is ignored', () => {
    const c = newConnector({
      'connector.name': 'memory',
      'memory.splits-per-node': '3',
      'memory.enable-lazy-dynamic-filtering': 'false',
    });
    expect(c.pageSinkProvider).toBeDefined();
  });
});
