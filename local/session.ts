// Session: who runs the script, in which locale and script time zone.

import type { Host } from './core';
import type { Faked } from './faked';

type GSession = GoogleAppsScript.Base.Session;
type GUser = GoogleAppsScript.Base.User;

export class FakeUser implements Faked<GUser, 'getEmail'> {
  readonly #email: string;
  constructor(email: string) {
    this.#email = email;
  }
  getEmail(): string {
    return this.#email;
  }
  toString(): string {
    return this.#email;
  }
}

export interface SessionWorld {
  host: Host;
  effectiveUser(): string;
  /** '' when Apps Script does not reveal the active user (other domain, simple triggers, …). */
  activeUser(): string;
  userLocale(): string;
  scriptTimeZone(): string;
}

type SessionMethods = 'getEffectiveUser' | 'getActiveUser';

export class FakeSession implements Faked<GSession, SessionMethods> {
  readonly #world: SessionWorld;
  constructor(world: SessionWorld) {
    this.#world = world;
  }
  getEffectiveUser(): FakeUser {
    return this.#world.host.wrap('User', new FakeUser(this.#world.effectiveUser()));
  }
  /** Session.getActiveUser() reference: the address may be '' where Google does not reveal it (another domain, consumer accounts). */
  getActiveUser(): FakeUser {
    return this.#world.host.wrap('User', new FakeUser(this.#world.activeUser()));
  }
  toString(): string {
    return 'Session';
  }
}
