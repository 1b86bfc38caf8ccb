// Bot Framework clients kept across turns. botbuilder builds a new ConnectorClient and
// UserTokenClient (each a pipeline of a dozen HTTP policies) for every activity it takes, which was
// a tenth of a vote's CPU in Møtebot's process. A client holds nothing of a turn (its credentials
// fetch and renew their own token), so one per bot app id, serviceUrl and audience serves them all.
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type Claims = Authenticated['claimsIdentity'];
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Far more than the serviceUrls one bot is reached from (Teams has a few regional ones). */
const MAX_CLIENTS = 100;

/** The bot's app id as botbuilder reads it from a request's claims: the audience, else the appid claim. */
const appIdOf = (claims: Claims) => claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';

/** Clients by key, made once; one that failed to be made is made again next time. */
class Clients<T> {
  private readonly made = new Map<string, Promise<T>>();

  get(key: string, make: () => Promise<T>): Promise<T> {
    let client = this.made.get(key);
    if (!client) {
      // Oldest first out: a Map iterates in insertion order.
      if (this.made.size >= MAX_CLIENTS) this.made.delete(this.made.keys().next().value!);
      client = make();
      this.made.set(key, client);
      client.catch(() => this.made.delete(key));
    }
    return client;
  }
}

export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Clients<ConnectorClient>();
  private readonly userTokens = new Clients<UserTokenClient>();

  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ): Promise<Authenticated> {
    const result = await super.authenticateRequest(...args);
    const factory = result.connectorFactory;
    return factory
      ? { ...result, connectorFactory: this.reusing(factory, appIdOf(result.claimsIdentity)) }
      : result;
  }

  override createConnectorFactory(claims: Claims): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claims), appIdOf(claims));
  }

  override createUserTokenClient(claims: Claims): Promise<UserTokenClient> {
    return this.userTokens.get(appIdOf(claims), () => super.createUserTokenClient(claims));
  }

  /** `factory`'s clients, kept: its app id is the claims' and every other setting is this object's. */
  private reusing(factory: ConnectorFactory, appId: string): ConnectorFactory {
    return new ReusingConnectorFactory(factory, appId, this.connectors);
  }
}

/** A class rather than a closure made per request: tsx wraps each new named closure in a naming call. */
class ReusingConnectorFactory {
  constructor(
    private readonly factory: ConnectorFactory,
    private readonly appId: string,
    private readonly connectors: Clients<ConnectorClient>,
  ) {}

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.connectors.get(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
      this.factory.create(serviceUrl, audience),
    );
  }
}
