from . import pipeline


class RetryInvalidationsMiddleware:
    """Every server applies, now and then, the invalidations the cache could not take
    when their change was committed (on whichever server made it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pipeline.retry_due()
        return self.get_response(request)
