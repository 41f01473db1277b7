/* sparse_krylov.c — BiCGSTAB (van der Vorst's stabilised biconjugate gradients), right-
 * preconditioned by ILU(0), for sparse systems whose direct factors would fill in.
 *
 * Why ILU(0): a journey is a path with hops off it, and on a path information moves one
 * step per product with the matrix, so an unpreconditioned (or diagonally scaled)
 * iteration needs as many products as the path has steps. The LU factors restricted to
 * the matrix's own pattern solve a path exactly and leave the iteration only the hops off
 * it. They cost no memory beyond a copy of the matrix and, for an M-matrix, exist with
 * positive pivots. Each iteration costs two products, two preconditioner solves and a few
 * passes over vectors: linear in the matrix, bounded by the caller's budget. */
#include "jrn/sparse_krylov.h"
#include "jrn/memory.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The matrix by rows (each row's columns sorted) with ILU(0)'s factors in place of its
 * values: L (unit diagonal, not stored) left of each diagonal, U from it on. */
struct jrn_sparse_krylov {
    const jrn_sparse_matrix *matrix;
    size_t *row_begin;       /* count + 1 offsets */
    size_t *column;
    double *factor;
    size_t *diagonal_at;     /* where each row's diagonal entry is */
};

/* The rows of the matrix from its columns: visiting the columns in order leaves each
 * row's columns sorted. */
static void krylov_copy_rows(jrn_sparse_krylov *krylov)
{
    const jrn_sparse_matrix *matrix = krylov->matrix;
    size_t n = matrix->count, entries = (size_t)matrix->column_begin[n];
    krylov->row_begin = memory_calloc(n + 1, sizeof *krylov->row_begin);
    krylov->column = memory_calloc(entries ? entries : 1, sizeof *krylov->column);
    krylov->factor = memory_calloc(entries ? entries : 1, sizeof *krylov->factor);
    krylov->diagonal_at = memory_calloc(n ? n : 1, sizeof *krylov->diagonal_at);
    for (size_t at = 0; at < entries; at++) krylov->row_begin[matrix->row[at] + 1]++;
    for (size_t i = 0; i < n; i++) krylov->row_begin[i + 1] += krylov->row_begin[i];
    size_t *fill = memory_calloc(n ? n : 1, sizeof *fill);
    memcpy(fill, krylov->row_begin, n * sizeof *fill);
    for (size_t j = 0; j < n; j++) {
        for (SuiteSparse_long at = matrix->column_begin[j]; at < matrix->column_begin[j + 1]; at++) {
            size_t i = (size_t)matrix->row[at], to = fill[i]++;
            krylov->column[to] = j;
            krylov->factor[to] = matrix->value[at];
            if (i == j) krylov->diagonal_at[i] = to;
        }
    }
    free(fill);
}

/* ILU(0) in place, row by row (the IKJ order): each entry of row i left of the diagonal
 * becomes L's multiplier, and takes its multiple of row k off the entries of row i that
 * the pattern has. False at a zero or non-finite pivot. */
static bool krylov_factor(jrn_sparse_krylov *krylov)
{
    size_t n = krylov->matrix->count;
    size_t *position = memory_calloc(n ? n : 1, sizeof *position);
    for (size_t j = 0; j < n; j++) position[j] = SIZE_MAX;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        for (size_t at = krylov->row_begin[i]; at < krylov->row_begin[i + 1]; at++) position[krylov->column[at]] = at;
        for (size_t at = krylov->row_begin[i]; at < krylov->diagonal_at[i]; at++) {
            size_t k = krylov->column[at];
            krylov->factor[at] /= krylov->factor[krylov->diagonal_at[k]];
            for (size_t bt = krylov->diagonal_at[k] + 1; bt < krylov->row_begin[k + 1]; bt++) {
                size_t target = position[krylov->column[bt]];
                if (target != SIZE_MAX) krylov->factor[target] -= krylov->factor[at] * krylov->factor[bt];
            }
        }
        double pivot = krylov->factor[krylov->diagonal_at[i]];
        ok = pivot != 0 && isfinite(pivot);
        for (size_t at = krylov->row_begin[i]; at < krylov->row_begin[i + 1]; at++) position[krylov->column[at]] = SIZE_MAX;
    }
    free(position);
    return ok;
}

jrn_sparse_krylov *sparse_krylov_new(const jrn_sparse_matrix *matrix)
{
    jrn_sparse_krylov *krylov = memory_calloc(1, sizeof *krylov);
    krylov->matrix = matrix;
    krylov_copy_rows(krylov);
    if (krylov_factor(krylov)) return krylov;
    sparse_krylov_free(krylov);
    return NULL;
}

void sparse_krylov_free(jrn_sparse_krylov *krylov)
{
    if (krylov == NULL) return;
    free(krylov->row_begin);
    free(krylov->column);
    free(krylov->factor);
    free(krylov->diagonal_at);
    free(krylov);
}

/* z = (LU)^-1 r: L y = r forward, then U z = y backward. */
static void krylov_precondition(const jrn_sparse_krylov *krylov, const double *r, double *z)
{
    size_t n = krylov->matrix->count;
    for (size_t i = 0; i < n; i++) {
        double sum = r[i];
        for (size_t at = krylov->row_begin[i]; at < krylov->diagonal_at[i]; at++)
            sum -= krylov->factor[at] * z[krylov->column[at]];
        z[i] = sum;
    }
    for (size_t i = n; i-- > 0;) {
        double sum = z[i];
        for (size_t at = krylov->diagonal_at[i] + 1; at < krylov->row_begin[i + 1]; at++)
            sum -= krylov->factor[at] * z[krylov->column[at]];
        z[i] = sum / krylov->factor[krylov->diagonal_at[i]];
    }
}

/* z = ((LU)^T)^-1 r: U^T w = r forward, then L^T z = w backward, each row of the factors
 * scattered once its unknown is final. */
static void krylov_precondition_transposed(const jrn_sparse_krylov *krylov, const double *r, double *z)
{
    size_t n = krylov->matrix->count;
    memcpy(z, r, n * sizeof *z);
    for (size_t i = 0; i < n; i++) {
        z[i] /= krylov->factor[krylov->diagonal_at[i]];
        for (size_t at = krylov->diagonal_at[i] + 1; at < krylov->row_begin[i + 1]; at++)
            z[krylov->column[at]] -= krylov->factor[at] * z[i];
    }
    for (size_t i = n; i-- > 0;) {
        for (size_t at = krylov->row_begin[i]; at < krylov->diagonal_at[i]; at++)
            z[krylov->column[at]] -= krylov->factor[at] * z[i];
    }
}

/* y = A x, or A^T x when transposed. */
static void krylov_multiply(const jrn_sparse_matrix *matrix, bool transposed, const double *x, double *y)
{
    size_t n = matrix->count;
    if (!transposed) memset(y, 0, n * sizeof *y);
    for (size_t j = 0; j < n; j++) {
        double sum = 0;
        for (SuiteSparse_long at = matrix->column_begin[j]; at < matrix->column_begin[j + 1]; at++) {
            size_t i = (size_t)matrix->row[at];
            if (transposed) sum += matrix->value[at] * x[i];
            else y[i] += matrix->value[at] * x[j];
        }
        if (transposed) y[j] = sum;
    }
}

static double krylov_dot(size_t n, const double *a, const double *b)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += a[i] * b[i];
    return sum;
}

/* The iteration's vectors. */
typedef struct krylov_vectors {
    double *r, *shadow, *p, *v, *s, *t, *scaled_p, *scaled_s;
} krylov_vectors;

size_t sparse_krylov_solve(jrn_sparse_krylov *krylov, bool transposed, const double *rhs, double *x,
                           double tolerance, size_t max_products)
{
    size_t n = krylov->matrix->count;
    void (*precondition)(const jrn_sparse_krylov *, const double *, double *) =
        transposed ? krylov_precondition_transposed : krylov_precondition;
    krylov_vectors w;
    double **all[] = {&w.r, &w.shadow, &w.p, &w.v, &w.s, &w.t, &w.scaled_p, &w.scaled_s};
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) *all[k] = memory_calloc(n ? n : 1, sizeof(double));
    krylov_multiply(krylov->matrix, transposed, x, w.r);
    size_t products = 1;
    for (size_t i = 0; i < n; i++) w.r[i] = rhs[i] - w.r[i];
    memcpy(w.shadow, w.r, n * sizeof *w.r);
    double goal = tolerance * sqrt(krylov_dot(n, rhs, rhs));
    double rho = 1, alpha = 1, omega = 1;
    bool converged = sqrt(krylov_dot(n, w.r, w.r)) <= goal;
    while (!converged && products + 2 <= max_products) {
        double rho_next = krylov_dot(n, w.shadow, w.r);
        if (rho_next == 0 || !isfinite(rho_next)) break;   /* broke down: the caller restarts or gives up */
        double beta = rho_next / rho * (alpha / omega);
        rho = rho_next;
        for (size_t i = 0; i < n; i++) w.p[i] = w.r[i] + beta * (w.p[i] - omega * w.v[i]);
        precondition(krylov, w.p, w.scaled_p);
        krylov_multiply(krylov->matrix, transposed, w.scaled_p, w.v);
        products++;
        double along = krylov_dot(n, w.shadow, w.v);
        if (along == 0 || !isfinite(along)) break;
        alpha = rho / along;
        for (size_t i = 0; i < n; i++) w.s[i] = w.r[i] - alpha * w.v[i];
        if (sqrt(krylov_dot(n, w.s, w.s)) <= goal) {
            for (size_t i = 0; i < n; i++) x[i] += alpha * w.scaled_p[i];
            break;
        }
        precondition(krylov, w.s, w.scaled_s);
        krylov_multiply(krylov->matrix, transposed, w.scaled_s, w.t);
        products++;
        double tt = krylov_dot(n, w.t, w.t);
        if (tt == 0 || !isfinite(tt)) break;
        omega = krylov_dot(n, w.t, w.s) / tt;
        if (omega == 0 || !isfinite(omega)) break;
        for (size_t i = 0; i < n; i++) {
            x[i] += alpha * w.scaled_p[i] + omega * w.scaled_s[i];
            w.r[i] = w.s[i] - omega * w.t[i];
        }
        converged = sqrt(krylov_dot(n, w.r, w.r)) <= goal;
    }
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) free(*all[k]);
    return products;
}
