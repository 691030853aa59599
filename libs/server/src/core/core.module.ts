import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Options } from 'pino-http';
import { AppConfig } from './config';

/** Configuration and structured logging, available to every module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Request logs carry method, path and status only: bodies and cookies hold personal data and secrets.
            serializers: {
              req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: String(req.url).split('?')[0] }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
          } satisfies Options,
        }),
      ],
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
