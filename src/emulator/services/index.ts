// The service registry, in the order the router tries hosts. More specific matches come first:
// the legacy MSI endpoint (localhost:50342) before IMDS, which also answers loopback hosts.
import type { Service } from '../types.ts';
import { legacyMsiService } from './legacy-msi.ts';
import { imdsService } from './imds.ts';
import { entraService } from './entra.ts';
import { armService } from './arm/index.ts';
import { blobService } from './blob.ts';
import { keyVaultService } from './keyvault.ts';
import { dataLakeService } from './datalake.ts';
import { graphService } from './graph.ts';

export const SERVICES: readonly Service[] = [legacyMsiService, imdsService, entraService, armService, blobService, keyVaultService, dataLakeService, graphService];
