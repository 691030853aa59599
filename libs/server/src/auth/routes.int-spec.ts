import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { startTestApp } from '../../test/test-app';
import { ACCESS_KEY } from './access.decorator';

describe('every route declares who may call it', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('has an access declaration on each handler of each controller', () => {
    const discovery = app.get(DiscoveryService);
    const scanner = app.get(MetadataScanner);
    const reflector = app.get(Reflector);
    const undeclared: string[] = [];
    let routes = 0;
    for (const wrapper of discovery.getControllers()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        routes++;
        if (reflector.getAllAndOverride(ACCESS_KEY, [handler, wrapper.metatype as object]) === undefined) undeclared.push(`${wrapper.name}.${name}`);
      }
    }

    expect(routes).toBeGreaterThan(30);
    expect(undeclared).toEqual([]);
  });

  it('keeps the audit trail and its verification to admins', () => {
    const reflector = app.get(Reflector);
    const audit = app.get(DiscoveryService).getControllers().find((wrapper) => wrapper.name === 'AuditController');
    const prototype = Object.getPrototypeOf(audit?.instance);
    const access = (name: string) => ({ path: Reflect.getMetadata(PATH_METADATA, prototype[name]), access: reflector.get(ACCESS_KEY, prototype[name]) });

    expect([access('search'), access('verify')]).toEqual([
      { path: '/', access: ['admin'] },
      { path: 'verify', access: ['admin'] },
    ]);
  });
});
