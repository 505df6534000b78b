// SQL warehouses (GET list / get) describing the simulator's one warehouse, so clients that resolve a
// warehouse id into its HTTP path (odbc_params.path) work as against a workspace.
import type { WsRoute } from '../http/types';
import { notFound } from '../http/errors';

export function warehouseRoutes(warehouseId: string, host: () => string, creator: string): WsRoute[] {
  const info = () => {
    const url = new URL(host());
    return {
      id: warehouseId,
      name: 'Shared SQL Warehouse',
      state: 'RUNNING',
      cluster_size: 'Small',
      min_num_clusters: 1,
      max_num_clusters: 1,
      auto_stop_mins: 10,
      enable_photon: true,
      enable_serverless_compute: true,
      warehouse_type: 'PRO',
      spot_instance_policy: 'COST_OPTIMIZED',
      creator_name: creator,
      num_clusters: 1,
      num_active_sessions: 0,
      jdbc_url: `jdbc:databricks://${url.hostname}:${url.port};httpPath=/sql/1.0/warehouses/${warehouseId}`,
      odbc_params: { hostname: url.hostname, path: `/sql/1.0/warehouses/${warehouseId}`, protocol: 'https', port: Number(url.port) },
      health: { status: 'HEALTHY' },
    };
  };
  return [
    { method: 'GET', path: '/api/2.0/sql/warehouses', handler: async () => ({ body: { warehouses: [info()] } }) },
    {
      method: 'GET',
      path: '/api/2.0/sql/warehouses/:id',
      handler: async (req) => {
        if (req.params.id !== warehouseId) throw notFound(`Warehouse ${req.params.id} does not exist.`);
        return { body: info() };
      },
    },
  ];
}
