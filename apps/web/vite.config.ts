import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

// Vendor code is split so that a page change does not re-download antd or echarts,
// and pages are lazy-loaded (see src/app/router.tsx).
const VENDOR_GROUPS: [name: string, test: RegExp][] = [
  ['echarts', /node_modules[\\/](echarts|zrender)[\\/]/],
  ['antd', /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@babel[\\/]runtime)[\\/]/],
  ['react', /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/],
  ['zod', /node_modules[\\/]zod[\\/]/],
  ['dayjs', /node_modules[\\/]dayjs[\\/]/],
];

export default defineConfig(({ mode }) => {
  // KEHU_API_URL points the dev server's /api proxy at another server (default: npm start's port).
  const env = loadEnv(mode, '.', 'KEHU_');
  return {
    plugins: [react()],
    server: {
      port: 5173,
      proxy: { '/api': { target: env.KEHU_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        output: {
          codeSplitting: { groups: VENDOR_GROUPS.map(([name, test]) => ({ name, test })) },
        },
      },
    },
  };
});
