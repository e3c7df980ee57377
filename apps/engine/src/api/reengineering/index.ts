export { ReengineeringModule } from './reengineering.module.js';
