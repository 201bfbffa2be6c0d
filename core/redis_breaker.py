"""A circuit breaker for the Redis cache connection.

When Redis is unreachable every cache operation would try to connect again: a page makes
several cache calls, so each visitor would wait for several failed connections (up to the
connect timeout each when the host drops packets). After one failure, this connection
class refuses to connect for a few seconds, so the cache calls fail at once (django-redis
then treats them as misses) and the site keeps its normal speed without Redis.
"""

from __future__ import annotations

import logging
import threading
import time

from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OPEN_SECONDS = 5.0
_lock = threading.Lock()
_open_until = 0.0


def is_open() -> bool:
    return time.monotonic() < _open_until


def reset() -> None:
    global _open_until
    with _lock:
        _open_until = 0.0


class CircuitBreakerConnection(Connection):
    # Both connect() and a command sent on a closed connection go through this method.
    def connect_check_health(self, *args, **kwargs) -> None:
        global _open_until
        if is_open():
            raise RedisConnectionError("Redis unavailable (circuit open)")
        try:
            super().connect_check_health(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError, OSError):
            with _lock:
                first = not is_open()
                _open_until = time.monotonic() + OPEN_SECONDS
            if first:
                logger.warning("Redis unreachable: cache bypassed for %.0f s", OPEN_SECONDS)
            raise
