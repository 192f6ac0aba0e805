// The engine's inputs and outputs live in src/shared/domain so the renderer can name them too.
export * from '../../../shared/domain/credits'
