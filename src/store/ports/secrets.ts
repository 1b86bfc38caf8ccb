// The secrets port: values created once per store and shared by every instance on it.

export interface SecretsPort {
  /** A secret value created once per store (e.g. the key of anonymous voters' hashes). */
  secret(name: string): Promise<string>;
}
