export { seeded as seededRandom } from '../../src/main/demo/random'
