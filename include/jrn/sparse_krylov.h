/* sparse_krylov.h — an iterative solver for large sparse systems whose exact factors would
 * fill in: BiCGSTAB, preconditioned by an incomplete LU factorisation (ILU(0)). */
#ifndef JRN_SPARSE_KRYLOV_H
#define JRN_SPARSE_KRYLOV_H

#include <stdbool.h>
#include <stddef.h>
#include <SuiteSparse_config.h>

/* A square matrix in compressed sparse columns (KLU's form): column j's entries are
 * row[column_begin[j] .. column_begin[j+1]-1], sorted, with their value; no duplicates,
 * every diagonal entry present. */
typedef struct jrn_sparse_matrix {
    size_t count;
    const SuiteSparse_long *column_begin;
    const SuiteSparse_long *row;
    const double *value;
} jrn_sparse_matrix;

typedef struct jrn_sparse_krylov jrn_sparse_krylov;

/* The preconditioner of matrix (which must outlive it): its LU factors restricted to its
 * own pattern. They exist and keep positive pivots for an M-matrix (as I - Q of a chain);
 * NULL when a pivot is zero or not finite (no use iterating with it). Linear in the
 * matrix's entries for the sparse patterns of journeys. */
jrn_sparse_krylov *sparse_krylov_new(const jrn_sparse_matrix *matrix);
void sparse_krylov_free(jrn_sparse_krylov *krylov);

/* Improves x towards A x = rhs (A^T x = rhs when transposed) until the residual the
 * iteration tracks is at most tolerance times rhs's (2-norms), max_products products with
 * A pass, or the iteration breaks down (x is then its last finite value). Returns the
 * products spent. The tracked residual drifts from the true one, so whether x is good
 * enough is for the caller to measure: it computes the true residual itself. */
size_t sparse_krylov_solve(jrn_sparse_krylov *krylov, bool transposed, const double *rhs, double *x,
                           double tolerance, size_t max_products);

#endif
