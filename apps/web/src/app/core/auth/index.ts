export * from './auth.interceptor';
export * from './guards';
export * from './session.service';
