package io.backproplens.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Unpickles files holding numpy arrays with the Pyrolite pickle library, which knows the opcodes
 * but not numpy. numpy pickles an array as {@code _reconstruct(ndarray, (0,), 'b')} followed by
 * BUILD with the state {@code (version, shape, dtype, fortran, raw bytes)}; its dtype as
 * {@code dtype('f4', 0, 1)} followed by BUILD with {@code (3, '<', ...)}. Pyrolite calls
 * {@code __setstate__(Object[])} on whatever the constructor returned, by reflection, so the two
 * classes below are public with methods of exactly that name and signature.
 */
final class NumpyPickle {

    static {
        // Pyrolite's constructor table is global and static: registering once serves every Unpickler.
        for (String module : new String[] {"numpy.core.multiarray", "numpy._core.multiarray"}) {
            Unpickler.registerConstructor(module, "_reconstruct", args -> new NdArray());
        }
        // Python 3.14's default protocol 5 pickles arrays as _frombuffer(bytes, dtype, shape, order) instead.
        for (String module : new String[] {"numpy.core.numeric", "numpy._core.numeric"}) {
            Unpickler.registerConstructor(module, "_frombuffer", NdArray::fromBuffer);
        }
        Unpickler.registerConstructor("numpy", "dtype", args -> new Dtype(args.length > 0 ? args[0] : null));
    }

    private static final String OPCODES_DO_NOT_FIT = "its instructions do not fit together (a damaged file, or not a pickle)";

    private NumpyPickle() {}

    /** The unpickled object: tuples arrive as Object[], lists as List, numpy arrays as {@link NdArray}. */
    static Object load(String name, byte[] pickle) throws DataFormatException {
        Unpickler unpickler = new GuardedUnpickler();
        try {
            return unpickler.load(new ByteArrayInputStream(pickle));
        } catch (PickleException | IOException e) {
            // Pyrolite wraps our own failures (in __setstate__) in PickleException: report the root.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // Only Pyrolite's and our own messages are for people; a reflection failure underneath
            // (BUILD on a bool: "java.lang.Boolean.__setstate__([B)", found by fuzzing) is not.
            boolean forPeople = (root instanceof PickleException || root instanceof IOException) && root.getMessage() != null;
            throw new DataFormatException(name, "not a readable pickle: " + (forPeople ? root.getMessage() : OPCODES_DO_NOT_FIT), e);
        } catch (RuntimeException e) {
            // Opcodes in an order Python never writes (APPEND with no list, found by fuzzing) fail
            // inside Pyrolite with a NullPointerException or ClassCastException: not a message for people.
            throw new DataFormatException(name, "not a readable pickle: " + OPCODES_DO_NOT_FIT, e);
        } finally {
            unpickler.close(); // drops the memo, which holds every array's bytes
        }
    }

    /**
     * Refuses a length-prefixed string longer than the bytes left, before Pyrolite allocates it:
     * a damaged pickle must not be able to ask for a 2 GB array. Needs a mark/reset stream whose
     * {@code available()} is exact, which the ByteArrayInputStream in {@link #load} is.
     */
    private static final class GuardedUnpickler extends Unpickler {
        @Override
        protected Object dispatch(short key) throws PickleException, IOException {
            int width = switch (key) {
                case Opcodes.BINSTRING, Opcodes.BINBYTES, Opcodes.BINUNICODE, Opcodes.LONG4 -> 4;
                case Opcodes.BINBYTES8, Opcodes.BINUNICODE8, Opcodes.BYTEARRAY8 -> 8;
                default -> 0;
            };
            if (width > 0) {
                checkLength(input, width, key);
            }
            return super.dispatch(key);
        }

        private static void checkLength(InputStream in, int width, short key) throws IOException {
            byte[] b = new byte[width];
            in.mark(width);
            int n = in.readNBytes(b, 0, width);
            in.reset();
            long length = 0;
            for (int i = n - 1; i >= 0; i--) {
                length = length << 8 | (b[i] & 0xff);
            }
            if (width == 4) {
                length = (int) length; // 4-byte lengths are signed in the pickle format
            }
            long left = in.available() - (long) width;
            if (n == width && (length < 0 || length > left)) {
                throw new PickleException("opcode 0x" + Integer.toHexString(key) + " announces " + length
                        + " bytes but only " + Math.max(left, 0) + " are left (truncated or damaged file)");
            }
        }
    }

    /** numpy's dtype: the type code ("f4", "i8") and the byte order that BUILD sets later. */
    public static final class Dtype {
        final String code;
        char byteOrder = '<';

        Dtype(Object code) {
            String c = String.valueOf(code);
            // A code may carry its own byte order ("<f4"); the BUILD state usually sets it instead.
            if (!c.isEmpty() && "<>=|".indexOf(c.charAt(0)) >= 0) {
                byteOrder = c.charAt(0);
                c = c.substring(1);
            }
            this.code = c;
        }

        public void __setstate__(Object[] state) {
            if (state.length > 1 && state[1] instanceof String s && s.length() == 1) {
                byteOrder = s.charAt(0);
            }
        }

        ByteOrder order() {
            return byteOrder == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }

        /** Like numpy's {@code str(dtype)}: "float32", "int64". */
        String describe() {
            return switch (code) {
                case "f4" -> "float32";
                case "f8" -> "float64";
                case "i8" -> "int64";
                case "i4" -> "int32";
                case "u1" -> "uint8";
                default -> "dtype " + byteOrder + code;
            };
        }
    }

    /** A numpy array as pickled: shape, dtype, memory order and the raw element bytes. */
    public static final class NdArray {
        long[] shape;
        Dtype dtype;
        boolean fortranOrder;
        /** A latin-1 String (Python 2 BINSTRING), byte[] (Python 3 bytes), or a list (object arrays). */
        Object data;

        NdArray() {}

        public void __setstate__(Object[] state) {
            // Version 1 state is (1, shape, dtype, fortran, data); numpy before 1.0 left the version out.
            int at = state.length == 5 ? 1 : 0;
            set(state[at], state[at + 1], Boolean.TRUE.equals(state[at + 2]), state[at + 3]);
        }

        /** {@code _frombuffer(buf, dtype, shape, order)}: the whole array in the constructor call. */
        static NdArray fromBuffer(Object[] args) {
            NdArray a = new NdArray();
            a.set(args[2], args[1], "F".equals(args[3]), args[0]);
            return a;
        }

        private void set(Object shapeTuple, Object type, boolean fortran, Object bytes) {
            Object[] dims = shapeTuple instanceof Object[] t ? t : new Object[0];
            shape = new long[dims.length];
            for (int i = 0; i < dims.length; i++) {
                shape[i] = ((Number) dims[i]).longValue();
            }
            dtype = type instanceof Dtype d ? d : null;
            fortranOrder = fortran;
            data = bytes;
        }

        String describe() {
            return (dtype == null ? "untyped" : dtype.describe()) + " array " + Arrays.toString(shape);
        }

        boolean is(String code) {
            return dtype != null && dtype.code.equals(code);
        }

        /** The element bytes, in the dtype's byte order; null when they are not plain bytes. */
        ByteBuffer bytes() {
            byte[] b = data instanceof String s ? s.getBytes(StandardCharsets.ISO_8859_1)
                    : data instanceof byte[] raw ? raw : null;
            return b == null ? null : ByteBuffer.wrap(b).order(dtype.order());
        }

        /** Element count from the shape, or -1 for a shape no real array has (negative, overflowing). */
        long elements() {
            long n = 1;
            try {
                for (long d : shape) {
                    n = d < 0 ? -1 : Math.multiplyExact(n, d);
                    if (n < 0) {
                        return -1;
                    }
                }
            } catch (ArithmeticException e) {
                return -1;
            }
            return n;
        }
    }
}
