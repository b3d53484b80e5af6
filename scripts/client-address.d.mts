export function trustedHops(value?: string): number;
export function clientAddressOf(forwarded: string | string[] | undefined, peer: string | undefined, hops: number): string;
