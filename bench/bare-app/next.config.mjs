/** The bare yardstick app: Next.js defaults, as a fresh `create-next-app` would serve them. */
const nextConfig = { poweredByHeader: false };

export default nextConfig;
